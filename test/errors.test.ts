import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ERRORS } from '../src/errors.ts';

test('every error code has a status, Chinese and English text, and is documented in docs/errors.md', () => {
  const doc = fs.readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8');
  for (const [code, def] of Object.entries(ERRORS)) {
    assert.match(code, /^YQ_ERR_[A-Z_]+$/);
    assert.ok(def.status >= 400 && def.status < 600, code);
    assert.ok(def.zh.length > 0 && def.en.length > 0, code);
    assert.ok(doc.includes(code), `${code} is not documented in docs/errors.md`);
  }
});
