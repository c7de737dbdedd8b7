export { checkCompletion } from "../support/check.js";
export { parseFixture as parseFixtureForTest } from "../support/fixture.js";
export { serviceFor as serviceForTest } from "../support/check.js";
