/** The account-security page; a session that may only enroll TOTP is kept there. Own module: the login page imports it. */
export const SECURITY_PATH = "/account/security";
