import { getMetadataStorage } from 'class-validator';

type Lookup = (
  target: object | string,
  schema: string | undefined,
  always: boolean,
  strictGroups: boolean,
  groups?: string[],
) => unknown[];

let installed = false;

/**
 * class-validator looks up a class's rules on every validation of every object, nested ones
 * included, and each lookup walks the rules of every class the application declares to find
 * the ones it inherits (`getTargetValidationMetadatas`): a few hundred `instanceof` checks per
 * object, 5 % of the server's time while it records plays (issue 18's profile). The answer only
 * changes when rules are declared, which happens as classes load: this keeps each answer until
 * then. Nest's ValidationPipe asks the same storage, so it gains as well. Idempotent.
 */
export function cacheValidationMetadataLookups(): void {
  if (installed) return;
  installed = true;
  const storage = getMetadataStorage() as unknown as {
    getTargetValidationMetadatas: Lookup;
    addValidationMetadata: (...args: unknown[]) => void;
    addValidationSchema: (...args: unknown[]) => void;
  };
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const addMetadata = storage.addValidationMetadata.bind(storage);
  const addSchema = storage.addValidationSchema.bind(storage);
  const answers = new Map<object | string, Map<string, unknown[]>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema ?? ''}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let byOptions = answers.get(target);
    if (!byOptions) answers.set(target, (byOptions = new Map()));
    let answer = byOptions.get(key);
    if (!answer) byOptions.set(key, (answer = lookup(target, schema, always, strictGroups, groups)));
    return answer;
  };
  storage.addValidationMetadata = (...args) => {
    answers.clear();
    addMetadata(...args);
  };
  storage.addValidationSchema = (...args) => {
    answers.clear();
    addSchema(...args);
  };
}
