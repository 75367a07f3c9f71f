import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { format, resolveConfig } from 'prettier';

/**
 * TypeScript types of the JSON Schemas in schemas/ (`npm run generate:types`), so the engine and the
 * designer use the shapes the schemas define instead of copies: schemas/<name>.schema.json →
 * schemas/types/<name>.d.ts. schemas/types.test.ts fails when a generated file is out of date.
 */
export const schemasDir = fileURLToPath(new URL('../schemas/', import.meta.url));
export const typesDir = fileURLToPath(new URL('../schemas/types/', import.meta.url));

const banner = (file: string) =>
  `/* Generated from schemas/${file} by \`npm run generate:types\` (scripts/generate-types.ts): do not edit. */`;

/** Every generated file's name and content. */
export async function generateTypes(): Promise<Map<string, string>> {
  const files = (await readdir(schemasDir)).filter((name) => name.endsWith('.schema.json')).sort();
  const generated = new Map<string, string>();
  for (const file of files) {
    const schema = JSON.parse(await readFile(`${schemasDir}${file}`, 'utf8')) as JSONSchema;
    const source = await compile(schema, file, {
      bannerComment: banner(file),
      cwd: schemasDir,
      format: false,
      unreachableDefinitions: false,
      maxItems: -1,
    });
    const target = `${typesDir}${file.replace(/\.schema\.json$/, '.d.ts')}`;
    const options = (await resolveConfig(target)) ?? {};
    generated.set(
      file.replace(/\.schema\.json$/, '.d.ts'),
      await format(source, { ...options, filepath: target }),
    );
  }
  return generated;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await mkdir(typesDir, { recursive: true });
  for (const [name, content] of await generateTypes()) {
    await writeFile(`${typesDir}${name}`, content);
    console.log(`schemas/types/${name}`);
  }
}
