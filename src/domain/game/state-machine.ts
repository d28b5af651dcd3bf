/**
 * A small generic typed finite-state machine (after Vendure's `FSM`): a transition table plus an
 * optional guard that can refuse a listed transition with a reason. Pure: it checks, the caller
 * changes the status.
 */
import { conflict } from '../shared/domain-error.js';

export type TransitionTable<S extends string> = { readonly [K in S]: readonly S[] };

export interface StateMachineDefinition<S extends string, C> {
  /** What the machine is about, for messages ("game"). */
  subject: string;
  /** Error code for refused transitions (kind 'conflict'). */
  errorCode: string;
  transitions: TransitionTable<S>;
  /** Returns why a listed transition may not happen now, or null when it may. */
  guard?: (from: S, to: S, context: C) => string | null;
}

export interface StateMachine<S extends string, C> {
  readonly states: readonly S[];
  nextStates(from: S): readonly S[];
  /** Listed in the table and allowed by the guard. */
  canTransition(from: S, to: S, context: C): boolean;
  /** Throws a DomainError (conflict) naming from, to and why. */
  assertTransition(from: S, to: S, context: C): void;
}

export function defineStateMachine<S extends string, C = void>(
  definition: StateMachineDefinition<S, C>,
): StateMachine<S, C> {
  const { subject, errorCode, transitions, guard } = definition;
  const refusal = (from: S, to: S, context: C): string | null => {
    if (!(from in transitions)) return `${from} is not a ${subject} status`;
    if (!transitions[from].includes(to)) {
      const allowed = transitions[from];
      return allowed.length === 0 ? `${from} is final` : `${to} cannot follow ${from} (allowed: ${allowed.join(', ')})`;
    }
    return guard?.(from, to, context) ?? null;
  };
  return {
    states: Object.keys(transitions) as S[],
    nextStates: (from) => transitions[from] ?? [],
    canTransition: (from, to, context) => refusal(from, to, context) === null,
    assertTransition(from, to, context) {
      const reason = refusal(from, to, context);
      if (reason !== null) {
        throw conflict(
          errorCode,
          `Illegal ${subject} transition ${from} -> ${to}: ${reason}`,
          [{ field: 'status', reason }],
          { from, to },
        );
      }
    },
  };
}
