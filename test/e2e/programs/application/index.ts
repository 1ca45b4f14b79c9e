import * as pulumi from "@pulumi/pulumi";
import { Application } from "pulumi-runai";
import type { ApplicationArgs } from "pulumi-runai";

// `args` is JSON stack config, passed through unchecked on purpose: the e2e test sets wrong types
// too, to see the provider's check refuse them at preview.
const config = new pulumi.Config();
const args = config.getObject<ApplicationArgs>("args") ?? {};

const app = new Application("e2e-app", args);

export const appId = app.id;
export const clientId = app.clientId;
export const enabled = app.enabled;
export const secret = app.secret;
export const credentials = app.credentials;
