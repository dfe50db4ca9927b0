import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { errorClass } from '../domain/error-class';
import { scratchDbForSuite } from '../testing/scratch-suite';
import { errorClassSql } from './error-class-sql';

describe('errorClassSql agrees with errorClass() at its edges', () => {
  const s = scratchDbForSuite();

  it('on texts with one, several or no ": ", a bare colon, a leading separator, an empty text and non-Latin names', async () => {
    const texts = ['ExampleJob::DeadError: dead', 'A: b: c', 'NoSeparator', 'Colon:without space', ': leading', '', 'Ошибка::Сбой: нет', '错误: 失败', 'Trailing: '];
    for (const text of texts) {
      const { rows } = await s.db.execute<{ cls: string }>(sql`SELECT ${errorClassSql(sql`${text}::text`)} AS cls`);
      expect(rows[0]!.cls, JSON.stringify(text)).toBe(errorClass(text));
    }
  });
});
