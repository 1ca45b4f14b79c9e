import pulumi
import pulumi_runai as runai

alice_ml_engineer = runai.AccessRule("alice-ml-engineer",
    subject_type=runai.AccessRuleSubjectType.USER,
    subject_id="alice@example.com",
    role="ML engineer",
    scope_type=runai.AccessRuleScopeType.PROJECT,
    scope_id="1001")
pulumi.export("accessRuleId", alice_ml_engineer.id)
