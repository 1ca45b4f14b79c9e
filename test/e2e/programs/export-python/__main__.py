# Empty: the objects come from `pulumi import`, which prints their code.
