#!/usr/bin/env python3
"""Derives the demo's China outline (mainland, Hainan, Taiwan, as Chinese maps draw it) from Natural Earth
1:50m via the npm package world-atlas (public domain). Usage:
    npm pack world-atlas@2 && tar xzf world-atlas-2.0.2.tgz && python3 make_china_outline.py package/countries-50m.json OUT.geojson
The result is committed as bundles/org.pacarbon.cli/data/china.geojson, so the build never needs npm."""
import json, sys

topo = json.load(open(sys.argv[1]))
sx, sy = topo['transform']['scale']
tx, ty = topo['transform']['translate']
arcs = []
for arc in topo['arcs']:
    x = y = 0
    pts = []
    for dx, dy in arc:
        x += dx; y += dy
        pts.append([round(x * sx + tx, 5), round(y * sy + ty, 5)])
    arcs.append(pts)

def ring(idx):
    out = []
    for i in idx:
        a = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(a if not out else a[1:])
    return out

polys = []
for g in topo['objects']['countries']['geometries']:
    if g['properties']['name'] not in ('China', 'Taiwan'):
        continue
    ps = g['arcs'] if g['type'] == 'MultiPolygon' else [g['arcs']]
    for p in ps:
        polys.append([ring(r) for r in p])
fc = {"type": "FeatureCollection",
      "features": [{"type": "Feature", "id": "CHN",
                    "properties": {"name": "China", "name_zh": "中国",
                                   "source": "Natural Earth 1:50m (public domain) via npm world-atlas 2.0.2; China + Taiwan"},
                    "geometry": {"type": "MultiPolygon", "coordinates": polys}}]}
json.dump(fc, open(sys.argv[2], 'w'), ensure_ascii=False, separators=(',', ':'))
print(len(polys), "polygons,", sum(len(r) for p in polys for r in p), "points")
