"""Offline checks of the security harness's own parts: reading Set-Cookie headers (the attributes it
judges the login cookie by) and comparing two answers as a client sees them."""

import sys

from deploy_files import DEPLOY

sys.path.insert(0, str(DEPLOY / "harness"))
import security  # noqa: E402
from loopback import Reply  # noqa: E402


def test_set_cookie_attributes_are_read_case_insensitively():
    name, value, attributes = security.parse_set_cookie(
        "eigenstudy-session=ab+c/d==; Path=/; Secure; HTTPOnly; SameSite=Strict")
    assert (name, value) == ("eigenstudy-session", "ab+c/d==")
    assert attributes == {"path": "/", "secure": True, "httponly": True, "samesite": "Strict"}


def test_only_the_login_cookie_is_taken_and_a_removal_issues_no_value():
    reply = Reply(200, {}, b"", 0.0, [
        ("set-cookie", "other=x; Path=/"),
        ("set-cookie", "eigenstudy-session=; Max-Age=0; Path=/"),
    ])
    assert [c[0] for c in security.session_cookies(reply)] == ["eigenstudy-session"]
    assert security.issued(reply) is None
    reply.header_list.append(("set-cookie", "eigenstudy-session=fresh; Path=/"))
    report = security.Report()
    assert security.issued(reply, report) == "fresh"
    assert report.secrets == {"login cookie value": {"fresh"}}


def test_answers_compare_without_their_date_but_with_every_other_header():
    one = Reply(401, {}, b"{}", 0.0, [("date", "Mon"), ("content-length", "2")])
    two = Reply(401, {}, b"{}", 0.0, [("date", "Tue"), ("content-length", "2")])
    three = Reply(401, {}, b"{}", 0.0, [("date", "Tue"), ("content-length", "2"), ("x-extra", "1")])
    assert security.shape(one) == security.shape(two)
    assert security.shape(one) != security.shape(three)
