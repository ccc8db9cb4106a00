// Writes docs/errors.md from the error registry (run after adding a code: npx tsx scripts/gen-error-docs.ts).
import fs from 'node:fs';
import { ERRORS } from '../src/errors.ts';

const rows = Object.entries(ERRORS).map(([code, d]) => `| \`${code}\` | ${d.status} | ${d.en} | ${d.zh} |`);
const text = `# Error codes

Every API error answers \`{"error": {"code", "message", "message_zh", "details?"}}\` with the status below;
5xx answers hide their details (they are in the server log). Generated from \`src/errors.ts\`.

| code | HTTP | English | 中文 |
|---|---|---|---|
${rows.join('\n')}
`;
fs.writeFileSync(new URL('../docs/errors.md', import.meta.url), text);
