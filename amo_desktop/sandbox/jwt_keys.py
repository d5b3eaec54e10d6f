"""RS256 signing of access tokens with a key pair that lives as long as one sandbox state."""

from __future__ import annotations

from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa


class SigningKey:
    """An RSA key pair: the sandbox signs access tokens and checks them on API calls."""

    def __init__(self, private_key: rsa.RSAPrivateKey | None = None) -> None:
        self._private_key = private_key or rsa.generate_private_key(
            public_exponent=65537, key_size=2048
        )
        self.public_key = self._private_key.public_key()

    def sign(self, claims: dict[str, Any]) -> str:
        # amoCRM repeats the token id in the JOSE header; clients sometimes read it from there.
        return jwt.encode(
            claims, self._private_key, algorithm="RS256", headers={"jti": claims["jti"]}
        )

    def verify(self, token: str) -> dict[str, Any] | None:
        """Claims of a token this key signed, or None. Expiry is checked by the caller
        against the sandbox clock, not against the machine's clock."""
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                self.public_key,
                algorithms=["RS256"],
                options={
                    "verify_exp": False,
                    "verify_nbf": False,
                    "verify_iat": False,
                    "verify_aud": False,
                },
            )
        except jwt.PyJWTError:
            return None
        return claims
