export { assign } from './assign.js';
export { verifyAssignment } from './verify-assignment.js';
export type { AssignmentVerification, VerificationIssue } from './verify-assignment.js';
export { solveDenseAssignment, verifyDenseAssignment } from './dense-assignment.js';
export type { DenseAssignmentResult, DenseCostMatrix } from './dense-assignment.js';
export { InvalidInstanceError } from './errors.js';
export type * from './types.js';
export {
  stable,
  findBlockingPairs,
  derivePreferences,
  compareStableWithOptimal,
  prepareStable,
  runDeferredAcceptance,
} from './stable.js';
export type {
  StableInstance,
  StableMentee,
  StableMentor,
  StableResult,
  StableComparison,
  PreparedStable,
} from './stable.js';
