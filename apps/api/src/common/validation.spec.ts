import { flattenValidationErrors } from './validation';

describe('flattenValidationErrors', () => {
  it('maps nested errors to dotted paths with the property name left out of the message', () => {
    const fields = flattenValidationErrors([
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
      email: 'must be an email',
      rogue: 'is not an allowed field',
      'slots.0.startsAt': 'must be an instant',
    });
  });
});
