import pulumi
import pulumi_runai as runai

ci_bot = runai.Application("ci-bot", rotate_when_changed={
    "rotation": "2026-q3",
})
pulumi.export("applicationClientId", ci_bot.client_id)
pulumi.export("applicationSecret", ci_bot.secret)
