from ruletester import case, err, rule_table, swagger

from connector_lint_rules import rules_by_id
from connector_lint_rules._api import Preset, Severity


def with_contact(contact):
    doc = swagger()
    if contact is None:
        del doc["info"]["contact"]
    else:
        doc["info"]["contact"] = contact
    return doc


FULL = {"name": "Contoso", "url": "https://contoso.com/support", "email": "support@contoso.com"}

test_contact_required = rule_table(
    "contact-required",
    valid=[
        case("complete contact", swagger=swagger()),
        case("url with path and query", swagger=with_contact({**FULL, "url": "https://contoso.com/help?x=1"})),
        case("no info at all is another rule's", swagger={"swagger": "2.0"}),
    ],
    invalid=[
        case("no contact", swagger=with_contact(None), errors=[err("/info", "no 'info.contact'", code="RequiredPropertyMissing")]),
        case("contact not an object", swagger=with_contact("support@contoso.com"),
             errors=[err("/info/contact", "must be an object")]),
        case("missing email and url", swagger=with_contact({"name": "Contoso"}),
             errors=[err("/info/contact", "no 'url'"), err("/info/contact", "no 'email'")]),
        case("empty name", swagger=with_contact({**FULL, "name": "  "}), errors=[err("/info/contact/name", "empty", code="RequiredValueEmpty")]),
        case("url without scheme", swagger=with_contact({**FULL, "url": "contoso.com"}),
             errors=[err("/info/contact/url", "absolute", code="UrlNotValid")]),
        case("email without domain", swagger=with_contact({**FULL, "email": "support@contoso"}),
             errors=[err("/info/contact/email", "not an e-mail", code="ContactEmailNotValid")]),
        case("independent publishers too", swagger=with_contact({"name": "Ana", "email": "ana@contoso.com"}),
             preset=Preset.INDEPENDENT_PUBLISHER, errors=[err("/info/contact", "no 'url'")]),
    ],
)


def test_off_for_custom_connectors():
    rule = rules_by_id()["contact-required"]
    assert rule.severity_for(Preset.CUSTOM) is Severity.OFF
    assert rule.severity_for(Preset.CERTIFIED) is Severity.WARNING
