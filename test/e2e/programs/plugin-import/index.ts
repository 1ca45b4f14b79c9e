// Empty: the objects come from `pulumi import`, which prints their code rather than adding it here.
export {};
