"""Countries as curators write them ("GHA", "GH", "Ghana", "Ghanna") -> ISO 3166-1 alpha-3 codes."""

from __future__ import annotations

import difflib

import pycountry

from soilkg.validation.suggest import close_countries, country_by_text


class UnknownCountry(ValueError):
    """Not a country; the message says so and suggests the closest one."""


def country_code(text: str) -> str:
    """The alpha-3 code of a country code or English name, or UnknownCountry with a suggestion."""
    code = country_by_text(text)
    if code is not None:
        return code
    names = {str(c.name).casefold(): str(c.alpha_3) for c in pycountry.countries}
    close = difflib.get_close_matches(text.strip().casefold(), list(names), n=1, cutoff=0.75)
    guesses = [names[close[0]]] if close else close_countries(text) if len(text.strip()) == 3 else []
    guess = pycountry.countries.get(alpha_3=guesses[0]) if guesses else None
    hint = f" Did you mean {guess.alpha_3} ({guess.name})?" if guess is not None else ""
    raise UnknownCountry(f"\"{text}\" is not an ISO 3166-1 country.{hint} Write the alpha-3 code, such as GHA.")
