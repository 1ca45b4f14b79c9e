// Property descriptions for the runai plugin's schema, taken from doc comments: those of the zod
// schemas' object literals (src/schemas, and the input schemas in src/provider/kinds) and of the
// TypeScript resources' argument and output interfaces (src/resources), which describe the same
// fields. Zod keeps no comments at run time, so the build reads them from the source with the
// TypeScript compiler. An object of the schema is matched to the literals and interfaces by its
// keys (a zod object may have been extended or narrowed with .extend/.omit): a property gets the
// description of the documented match that shares the most keys with it, when at least half of
// their keys are shared and the equally good matches agree.
const fs = require("node:fs");
const path = require("node:path");
const ts = require("typescript");

/** Every object literal, interface and type literal: its keys and the doc texts of those that have one. */
function collectLiterals(files) {
  const literals = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      const members = ts.isObjectLiteralExpression(node)
        ? node.properties
        : ts.isInterfaceDeclaration(node) || ts.isTypeLiteralNode(node)
          ? node.members
          : undefined;
      if (members) {
        const keys = [];
        const docs = new Map();
        for (const property of members) {
          if (!property.name || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) continue;
          const key = property.name.text;
          keys.push(key);
          const text = ts
            .getJSDocCommentsAndTags(property)
            .filter(ts.isJSDoc)
            .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? "")
            .join(" ")
            .replace(/\s+/g, " ")
            .trim();
          if (text) docs.set(key, text);
        }
        if (keys.length > 0) literals.push({ keys: new Set(keys), docs });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return literals;
}

/** `(objectKeys, key) => description`: the doc of `key` in the literals most like the object. */
function schemaDocs(root) {
  const dirs = ["src/schemas", "src/provider/kinds", "src/resources"].map((dir) => path.join(root, dir));
  // Not the types generated from this schema (src/resources/generated-types.ts): a description must
  // come from its source, or a stale one would keep itself alive.
  const files = dirs.flatMap((dir) =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".ts") && !f.startsWith("generated-"))
      .map((f) => path.join(dir, f)),
  );
  const literals = collectLiterals(files);
  return (objectKeys, key) => {
    const keys = new Set(objectKeys);
    let best = 0;
    let texts = new Set();
    for (const literal of literals) {
      if (!literal.docs.has(key)) continue;
      const shared = [...literal.keys].filter((k) => keys.has(k)).length;
      const similarity = shared / new Set([...literal.keys, ...keys]).size;
      if (similarity > best) [best, texts] = [similarity, new Set([literal.docs.get(key)])];
      else if (similarity === best) texts.add(literal.docs.get(key));
    }
    // Too little in common (a `name` of something else), or matches as good that say different
    // things: no description.
    const [text] = texts;
    return best >= 0.5 && texts.size === 1 ? text : undefined;
  };
}

module.exports = { schemaDocs };
