/** Reads a JWT's claims without verifying it (tests only). */
export function jwtDecode(token: string): { sub: string; iat: number; exp: number } {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}
