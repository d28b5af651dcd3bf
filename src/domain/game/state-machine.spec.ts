import { defineStateMachine } from './state-machine.js';

type Light = 'red' | 'green' | 'amber';

describe('defineStateMachine', () => {
  const machine = defineStateMachine<Light, { pedestrians: number }>({
    subject: 'light',
    errorCode: 'LIGHT_ILLEGAL_TRANSITION',
    transitions: { red: ['green'], green: ['amber'], amber: ['red'] },
    guard: (_from, to, { pedestrians }) =>
      to === 'green' && pedestrians > 0 ? `${pedestrians} pedestrians crossing` : null,
  });

  it('allows listed transitions the guard accepts', () => {
    expect(machine.canTransition('red', 'green', { pedestrians: 0 })).toBe(true);
    expect(() => machine.assertTransition('green', 'amber', { pedestrians: 3 })).not.toThrow();
    expect(machine.states).toEqual(['red', 'green', 'amber']);
  });

  it('refuses unlisted transitions and guarded ones with a conflict naming from, to and why', () => {
    expect(machine.canTransition('red', 'amber', { pedestrians: 0 })).toBe(false);
    expect(() => machine.assertTransition('red', 'green', { pedestrians: 2 })).toThrow(
      expect.objectContaining({
        code: 'LIGHT_ILLEGAL_TRANSITION',
        kind: 'conflict',
        message: 'Illegal light transition red -> green: 2 pedestrians crossing',
        context: { from: 'red', to: 'green' },
      }),
    );
  });
});
