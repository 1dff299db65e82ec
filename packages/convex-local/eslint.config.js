import { base } from "@intake/eslint-config";

export default [...base, { ignores: ["test/fixtures/**/_generated/**"] }];
