// Kubernetes resource quantities ("500Mi", "1.5G", "2e3"), as the Run:ai contract writes memory
// sizes, reduced to a number so that a limit can be compared with its request.

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, "": 1, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

const QUANTITY = /^([+-]?[0-9.]+)(?:([eE][-+]?[0-9]+)|([a-zA-Z]*))$/;

/** The quantity's value in base units, or undefined when it is not one Kubernetes understands. */
export function parseQuantity(text: string): number | undefined {
  const match = QUANTITY.exec(text.trim());
  if (!match) return undefined;
  const number = Number(match[1]);
  if (!Number.isFinite(number)) return undefined;
  if (match[2]) return number * 10 ** Number(match[2].slice(1));
  const suffix = match[3] ?? "";
  const factor = BINARY[suffix] ?? DECIMAL[suffix];
  return factor === undefined ? undefined : number * factor;
}
