// `/.well-known/openid-configuration`: the fields Kinde publishes, pointing at this mock.

export function discovery(issuer: string) {
  return {
    issuer,
    authorization_endpoint: `${issuer}/oauth2/auth`,
    token_endpoint: `${issuer}/oauth2/token`,
    userinfo_endpoint: `${issuer}/oauth2/v2/user_profile`,
    end_session_endpoint: `${issuer}/logout`,
    introspection_endpoint: `${issuer}/oauth2/introspect`,
    revocation_endpoint: `${issuer}/oauth2/revoke`,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['none', 'client_secret_post'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: ['openid', 'profile', 'email', 'offline'],
    claims_supported: ['aud', 'azp', 'email', 'exp', 'family_name', 'given_name', 'iat', 'iss', 'name', 'nonce',
      'org_code', 'org_codes', 'picture', 'sub'],
  }
}
