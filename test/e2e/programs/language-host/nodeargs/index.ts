// The stack outputs show what node was started with and what the preload left behind.
export const preloaded = (globalThis as { preloaded?: string }).preloaded ?? "no preload ran";
export const execArgv = process.execArgv;
