"""Fill unfinished entries of ganexplorer_ko.ts from a JSON {source: translation} file (a translator's helper):
    python resources/translations/fill_translations.py ko.json   (run from the repository root)
"""
import sys, json
import xml.etree.ElementTree as ET
p='resources/translations/ganexplorer_ko.ts'
ko = json.load(open(sys.argv[1], encoding='utf-8'))
tree = ET.parse(p)
missing=[]
for msg in tree.getroot().iter('message'):
    src = msg.find('source').text; tr = msg.find('translation')
    if tr.get('type') == 'unfinished' or not tr.text:
        if src in ko:
            tr.text = ko[src]; tr.attrib.pop('type', None)
        else:
            missing.append(src)
# drop obsolete/vanished entries
for ctx in tree.getroot().iter('context'):
    for msg in list(ctx.findall('message')):
        if msg.find('translation').get('type') in ('obsolete', 'vanished'):
            ctx.remove(msg)
tree.write(p, encoding='utf-8', xml_declaration=True)
print('missing', missing)
