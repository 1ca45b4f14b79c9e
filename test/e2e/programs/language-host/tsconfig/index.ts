// ES2019 has no optional chaining: the compiled arrow function shows which target ts-node used.
export const compiled = String((o?: { x: number }) => o?.x);
