"""Server-rendered pages: right-to-left, escaped, linked, and fetching nothing."""

from __future__ import annotations

import re
from typing import Any

EXTERNAL = re.compile(r"""(?:src|href|xlink:href)\s*=\s*["']?\s*(?:https?:)?//""", re.I)


def _page(client: Any, url: str) -> str:
    r = client.get(url)
    assert r.status_code == 200, (url, r.status_code)
    assert r.headers["content-type"].startswith("text/html")
    html = str(r.text)
    assert '<html lang="ar" dir="rtl">' in html
    return html


def _no_fetches(html: str, allowed_links: tuple[str, ...] = ()) -> None:
    """No resource from another host; the only absolute links are to the article itself."""
    for m in EXTERNAL.finditer(html):
        tail = html[m.start():m.start() + 200]
        assert tail.startswith("href=") and any(a in tail for a in allowed_links), tail
    assert "<script" not in html.lower().replace("&lt;script", "")
    assert "@import" not in html and "url(" not in html


def test_stories_list(client: Any, ids: dict[str, Any]) -> None:
    html = _page(client, "/")
    for s in ids["stories"]:
        assert f'href="/story/{s["id"]}"' in html
    _no_fetches(html)
    filtered = _page(client, "/?actor=بوتين")
    assert ids["docs"]["t3"]["story_id"] in filtered
    assert ids["strike_story"] not in filtered
    assert client.get("/?since=soon").status_code == 422


def test_story_page_timeline_map_and_figures(client: Any, ids: dict[str, Any]) -> None:
    html = _page(client, f"/story/{ids['strike_story']}")
    assert 'id="timeline"' in html and 'class="ev t-assault"' in html
    assert "3 فبراير/شباط 2020" in html  # dates in Arabic, both month systems
    # the map: inline SVG with Natural Earth borders and a circle per place
    svg = html[html.index('<svg class="map-svg"'):]
    svg = svg[:svg.index("</svg>")]
    assert 'class="country' in svg and 'data-id="SYR"' in svg and 'data-id="TUR"' in svg
    assert 'class="place"' in svg and "سراقب" in svg
    # every reported toll kept, and the disagreement shown
    assert "أرقام متباينة" in html
    assert "وكالة التجربة" in html and "صحيفة الاختبار" in html
    assert "6–8" in html or "6-8" in html
    # sources link to the sentence in each page
    assert f'href="/doc/{ids["docs"]["t1"]["id"]}#ev_' in html
    _no_fetches(html)
    assert client.get("/story/st_nope").status_code == 404
    assert "لا توجد قصة" in client.get("/story/st_nope").text


def test_story_downloads_linked(client: Any, ids: dict[str, Any]) -> None:
    html = _page(client, f"/story/{ids['strike_story']}")
    url = f"/api/story_events?story={ids['strike_story']}&amp;format=csv"
    assert url in html
    assert client.get(url.replace("&amp;", "&")).status_code == 200


def test_document_page_highlights_link_to_events(client: Any, ids: dict[str, Any]) -> None:
    doc = ids["docs"]["t1"]
    html = _page(client, f"/doc/{doc['id']}")
    for cls in ("trig", "fig", "timex", "quote"):
        assert re.search(rf'class="m [^"]*\b{cls}\b', html), cls
    # each highlighted trigger and figure links to an event listed on the page
    targets = set(re.findall(r'<a class="m [^"]*" href="#([^"]+)"', html))
    listed = set(re.findall(r'<li class="ev [^"]*" id="([^"]+)"', html))
    assert listed and {t for t in targets if t.startswith("ev_")} <= listed
    assert any(t.startswith("ev_") for t in targets)
    # the highlighted text is the original text, in order
    text = re.sub(r"<[^>]+>", "", html[html.index('<article class="text"'):
                                      html.index("</article>")])
    assert "قتل سبعة جنود أتراك ومدني" in text
    assert 'href="https://test.example/a1"' in html
    _no_fetches(html, ("https://test.example/a1",))


def test_untrusted_page_is_escaped(client: Any, ids: dict[str, Any]) -> None:
    doc = ids["docs"]["xss"]
    assert doc["title"].startswith("<script>")  # stored as written
    for url in (f"/doc/{doc['id']}", f"/story/{doc['story_id']}", "/",
                "/search?q=تفتناز", "/actors", "/place/taftanaz"):
        html = _page(client, url)
        assert "<script>" not in html, url
        assert "<img src=x" not in html and "<b>منفذ" not in html, url
        _no_fetches(html)
    html = _page(client, f"/doc/{doc['id']}")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "&lt;b&gt;منفذ&lt;/b&gt;" in html
    assert 'href="javascript:' not in html  # a hostile URL is shown, never linked
    html = _page(client, "/search?q=" + "<script>alert(9)</script>")
    assert "&lt;script&gt;alert(9)&lt;/script&gt;" in html


def test_actor_and_place_pages(client: Any) -> None:
    r = client.get("/actor/بوتين", follow_redirects=False)
    assert r.status_code == 307 and r.headers["location"] == "/actor/vladimir-putin"
    html = _page(client, "/actor/vladimir-putin")
    assert "فلاديمير بوتين" in html and "فاعلاً" in html and "مستهدفًا" in html
    assert 'class="bar src"' in html  # events per month, as source
    html = _page(client, "/actor/TUR")
    assert 'class="bar tgt"' in html  # Turkey is the target of the strike
    html = _page(client, "/place/saraqib")
    assert "سراقب" in html and 'class="map-svg"' in html
    assert client.get("/place/إدلب", follow_redirects=False).status_code == 307
    html = _page(client, "/actor/nobody-known")
    assert "غير موجود في القاموس" in html
    html = _page(client, "/actors")
    assert 'href="/actor/recep-tayyip-erdogan"' in html and 'href="/place/saraqib"' in html


def test_search_page(client: Any) -> None:
    html = _page(client, "/search?q=اردوغان")
    assert "<mark>أردوغان</mark>" in html
    assert 'href="/actor/recep-tayyip-erdogan"' in html  # the name is also an actor
    html = _page(client, "/search")
    assert "لا نتائج" not in html
    html = _page(client, "/search?q=كلمةلاتوجد")
    assert "لا نتائج" in html


def test_static_files(client: Any) -> None:
    css = client.get("/static/style.css")
    assert css.status_code == 200 and "direction" not in css.text.split("{")[0]
    assert "url(" not in css.text and "@import" not in css.text and "@font-face" not in css.text
    assert client.get("/favicon.ico").headers["content-type"].startswith("image/svg")
