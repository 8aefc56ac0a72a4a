"""The connector names its support contact: `info.contact` with a name, a URL and an e-mail address.

## What it does
Flags a swagger whose `info` has no `contact` object, a contact without `name`, `url` or `email`,
an empty one of those, a `url` that is not an absolute http(s) URL and an `email` that is not an
e-mail address.

## Why is this bad?
Certification asks for the support team's name, website and e-mail: they are published on the
connector's documentation page, where users look when something breaks. Microsoft's validator
rejects a swagger without `info.contact` (`RequiredPropertyMissing`: "The 'contact' property is
required") and checks the values (`UrlNotValid`, `ContactEmailNotValid`).

The default severity is **warning**, not error: 35 of the 619 certified connectors in the shared
corpus (5.7%) have no contact and 31 more lack a field. They were certified before the validator
enforced it, so an error would mostly flag connectors Microsoft already accepted. Raise the rule
to error in your configuration when you prepare a new submission. Custom connectors are not
certified: the rule is off for them.
Certification reports a missing or invalid support e-mail as policy 5000.3.1.4.

## Example
```json
{"info": {"title": "Contoso Tasks", "version": "1.0", "contact": {"name": "Contoso Support"}}}
```

## Use instead
```json
{"info": {"title": "Contoso Tasks", "version": "1.0",
          "contact": {"name": "Contoso Support", "url": "https://contoso.com/support",
                      "email": "support@contoso.com"}}}
```

## Fix
None: only the author knows the support contact.
"""

import re

from ._api import Finding, Preset, Rule, Severity
from ._openapi import info

FIELDS = ("name", "url", "email")
URL = re.compile(r"https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?", re.I)
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z0-9-]{2,}")


def check(ctx):
    inf = info(ctx)
    if inf is None:
        return
    contact = inf.get("contact")
    if contact is None:
        yield Finding("/info", "The connector has no 'info.contact'; add the support team's name, url and email.",
                      validator_code="RequiredPropertyMissing")
        return
    if not isinstance(contact, dict):
        yield Finding("/info/contact", "'info.contact' must be an object with name, url and email.")
        return
    for key in FIELDS:
        value = contact.get(key)
        ptr = f"/info/contact/{key}"
        policy = "5000.3.1.4" if key == "email" else None  # the support e-mail's certification policy
        if key not in contact:
            yield Finding("/info/contact", f"The contact has no '{key}'; certification asks for name, url and email.",
                          validator_code="RequiredPropertyMissing", policy_code=policy)
        elif not isinstance(value, str) or not value.strip():
            yield Finding(ptr, f"The contact '{key}' is empty; give the support team's {key}.",
                          validator_code="RequiredValueEmpty", policy_code=policy)
        elif key == "url" and not URL.fullmatch(value.strip()):
            yield Finding(ptr, "The contact url is not an absolute http(s) URL.", validator_code="UrlNotValid")
        elif key == "email" and not (value.isascii() and EMAIL.fullmatch(value.strip())):
            yield Finding(ptr, "The contact email is not an e-mail address.", validator_code="ContactEmailNotValid",
                          policy_code=policy)


RULE = Rule(
    id="contact-required",
    summary="The swagger names a support contact with name, url and email.",
    severity=Severity.WARNING,
    category="certification",
    validator_code="RequiredPropertyMissing",
    preset_severity={Preset.CUSTOM: Severity.OFF},
    docs=__doc__,
    check=check,
)
