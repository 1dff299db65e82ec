import { base } from "@intake/eslint-config";

export default base;
