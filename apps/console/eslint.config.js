import react from "@hcp/eslint-config/react";

export default react;
