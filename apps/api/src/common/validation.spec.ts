import { IsIn, IsString, MaxLength, validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { Clearable, IsCodePointLength, IsLocalized } from './dto-validators';
import { fieldProblems, jsonTooDeep, refuseNulls, valueTooDeep } from './validation';

class Sample {
  @IsCodePointLength(1, 100)
  displayName: string;

  @IsString()
  @MaxLength(20)
  venue: string;

  @IsIn(['zh-CN', 'en'])
  locale: string;

  @IsLocalized(300)
  title: unknown;

  @Clearable()
  @IsString()
  website?: string | null;
}

describe('fieldProblems', () => {
  it('maps nested errors to dotted paths with the property name left out of the message', () => {
    const fields = fieldProblems([
      { property: 'email', constraints: { isEmail: 'email must be an email' }, children: [] },
      { property: 'rogue', constraints: { whitelistValidation: 'property rogue should not exist' }, children: [] },
      {
        property: 'slots',
        children: [
          {
            property: '0',
            children: [{ property: 'startsAt', constraints: { isInstant: 'must be an instant' }, children: [] }],
          },
        ],
      },
    ]);
    expect(fields).toEqual({
      email: { code: 'email', message: 'must be an email' },
      rogue: { code: 'unknownField', message: 'is not an allowed field' },
      'slots.0.startsAt': { code: 'instant', message: 'must be an instant' },
    });
  });

  it('gives each field a code with the parameters of its decorator', () => {
    const sample = plainToInstance(Sample, { displayName: '', venue: 'x'.repeat(21), locale: 'fr', title: {} });
    const fields = fieldProblems(validateSync(sample));
    expect(fields.displayName).toMatchObject({ code: 'lengthBetween', params: { min: 1, max: 100 } });
    expect(fields.venue).toMatchObject({ code: 'maxLength', params: { max: 20 } });
    expect(fields.locale).toMatchObject({ code: 'oneOf', params: { values: 'zh-CN, en' } });
    expect(fields.title).toMatchObject({ code: 'localized', params: { max: 300 } });
    expect(fields.website).toBeUndefined();
  });
});

describe('refuseNulls', () => {
  it('refuses null for every field but the clearable ones', () => {
    expect(() => refuseNulls(Sample, { website: null })).not.toThrow();
    expect(() => refuseNulls(Sample, { displayName: null, website: null })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: expect.objectContaining({ fieldErrors: { displayName: { code: 'notNull' } } }),
      }),
    );
  });
});

describe('nesting limits', () => {
  it('finds JSON text nested too deeply without parsing it, ignoring brackets in strings', () => {
    expect(jsonTooDeep('{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000))).toBe(true);
    expect(jsonTooDeep('['.repeat(33) + ']'.repeat(33))).toBe(true);
    expect(jsonTooDeep('['.repeat(32) + ']'.repeat(32))).toBe(false);
    expect(jsonTooDeep(JSON.stringify({ text: '[[[[{{{{'.repeat(100), quote: '\\"[[[' }))).toBe(false);
  });

  it('finds parsed values nested too deeply', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(valueTooDeep(deep)).toBe(true);
    expect(valueTooDeep({ a: [1, { b: 'c' }] })).toBe(false);
  });
});
