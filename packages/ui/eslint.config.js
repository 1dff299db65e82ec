import { react } from "@intake/eslint-config";

export default react;
