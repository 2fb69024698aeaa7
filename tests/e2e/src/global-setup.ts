export { default } from "@hcp/db/testing/global-setup";
