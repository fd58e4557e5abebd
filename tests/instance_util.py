"""An XBRL instance's contexts read by lxml alone, to hold other outputs against it."""
from lxml import etree

XBRLI = "{http://www.xbrl.org/2003/instance}"
XBRLDI = "{http://xbrl.org/2006/xbrldi}"


def read_instance(path):
    """(the root element, context id -> (start or "", end or instant, instant?, [(axis, member)]))."""
    root = etree.parse(str(path)).getroot()
    contexts = {}
    for ctx in root.iter(f"{XBRLI}context"):
        p = ctx.find(f"{XBRLI}period")
        instant = p.findtext(f"{XBRLI}instant")
        members = [(m.get("dimension"), m.text) for m in ctx.iter(f"{XBRLDI}explicitMember")]
        contexts[ctx.get("id")] = ("", instant, True, members) if instant else \
            (p.findtext(f"{XBRLI}startDate"), p.findtext(f"{XBRLI}endDate"), False, members)
    return root, contexts
