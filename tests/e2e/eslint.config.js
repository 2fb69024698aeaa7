import base from "@hcp/eslint-config/base";

export default base;
