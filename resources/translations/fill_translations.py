"""Fill unfinished entries of ganexplorer_ko.ts from a JSON {source: translation} file (a translator's helper).

    python resources/translations/fill_translations.py ko.json            (run from the repository root)
    python resources/translations/fill_translations.py --list-carried     (what lupdate carried over by same text)
    python resources/translations/fill_translations.py --accept-carried   (mark those reviewed: finished)

lupdate keeps a string's Korean text when code moves to another class (another context) but marks it
unfinished; after reading the list, --accept-carried marks them finished. Obsolete entries are dropped.
"""
import json
import sys
import xml.etree.ElementTree as ET

TS = "resources/translations/ganexplorer_ko.ts"


def main(argv: list[str]) -> int:
    tree = ET.parse(TS)
    ko = {} if argv[0].startswith("--") else json.load(open(argv[0], encoding="utf-8"))
    missing, carried = [], []
    for ctx in tree.getroot().iter("context"):
        for msg in list(ctx.findall("message")):
            src, tr = msg.find("source").text, msg.find("translation")
            if tr.get("type") in ("obsolete", "vanished"):
                ctx.remove(msg)
            elif tr.get("type") == "unfinished" or not tr.text:
                if src in ko:
                    tr.text = ko[src]
                    tr.attrib.pop("type", None)
                elif tr.text:
                    carried.append((ctx.find("name").text, src, tr.text))
                    if argv[0] == "--accept-carried":
                        tr.attrib.pop("type", None)
                else:
                    missing.append(src)
    if argv[0] == "--list-carried":
        for name, src, text in carried:
            print(f"{name}: {src!r} -> {text!r}")
        return 0
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    print("missing", missing)
    print(f"carried over by same text: {len(carried)}" + (" (accepted)" if argv[0] == "--accept-carried" else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
