#!/usr/bin/env python3
"""Records the plugin API as built now as its last release: the baseline of bnd's baseline check.

`mvn verify` compares each API bundle (tavern.wml, tavern.api, tavern.transport, tavern.identity)
with the baseline jar named by the `api.baseline` property of its pom, found in the file
repository cnf/baseline (docs/plugins.md, "Releasing the API"). This script, run after a build of
those bundles, writes for each one a jar of its manifest and its exported package (not its private
packages: the baseline check reads only the exported ones, and the identity bundle's private H2
and Bouncy Castle packages alone are megabytes), named after the exported package's version, and
points the pom's `api.baseline` at it. Jars already there are left as they are: a release is
never rewritten.

Usage: mvn -o -DskipTests package -pl bundles/wml,bundles/api,bundles/transport,bundles/identity
       tools/release-api.py
"""

import hashlib
import pathlib
import re
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
MODULES = ["wml", "api", "transport", "identity"]
REPOSITORY = ROOT / "cnf" / "baseline"
# Fixed entry times: the same bundle gives the same baseline jar.
ENTRY_TIME = (2026, 1, 1, 0, 0, 0)


def entry(name):
    info = zipfile.ZipInfo(name, ENTRY_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def manifest_headers(text):
    """The main section's headers, continuation lines joined."""
    headers = {}
    name = None
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.startswith(" ") and name:
            headers[name] += line[1:]
        elif ":" in line:
            name, value = line.split(":", 1)
            headers[name] = value.strip()
        elif not line:
            break
    return headers


def exported_package(headers, bundle):
    """The one package the bundle exports and its version."""
    clauses = re.findall(r'([\w.]+)((?:;[\w.:-]+:?="[^"]*"|;[\w.:-]+:?=[^,;]*)*)', headers.get("Export-Package", ""))
    if len(clauses) != 1:
        sys.exit(f"{bundle}: expected exactly one exported package, found {[c[0] for c in clauses]}")
    package, attributes = clauses[0]
    version = re.search(r';version="?([\d.]+)"?', attributes)
    if not version:
        sys.exit(f"{bundle}: the exported package {package} has no version")
    return package, version.group(1)


def release(module):
    artifact = f"tavern.{module}"
    built = [jar for jar in (ROOT / "bundles" / module / "target").glob(f"{artifact}-*.jar")
             if not jar.name.endswith(("-sources.jar", "-tests.jar", "-javadoc.jar"))]
    if len(built) != 1:
        sys.exit(f"{artifact}: build the bundle first (found {[j.name for j in built]})")
    with zipfile.ZipFile(built[0]) as bundle:
        manifest = bundle.read("META-INF/MANIFEST.MF")
        package, version = exported_package(manifest_headers(manifest.decode("utf-8")), artifact)
        folder = package.replace(".", "/") + "/"
        classes = sorted(name for name in bundle.namelist()
                         if name.startswith(folder) and "/" not in name[len(folder):] and name != folder)
        target = REPOSITORY / "org" / "tavern" / artifact / version
        jar = target / f"{artifact}-{version}.jar"
        if jar.exists():
            print(f"{artifact} {version}: already released, kept")
        else:
            target.mkdir(parents=True, exist_ok=True)
            with zipfile.ZipFile(jar, "w", zipfile.ZIP_DEFLATED) as baseline:
                baseline.writestr(entry("META-INF/MANIFEST.MF"), manifest)
                for name in classes:
                    baseline.writestr(entry(name), bundle.read(name))
            (target / f"{artifact}-{version}.pom").write_text(
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                '<project xmlns="http://maven.apache.org/POM/4.0.0">\n'
                "  <modelVersion>4.0.0</modelVersion>\n"
                f"  <groupId>org.tavern</groupId>\n  <artifactId>{artifact}</artifactId>\n"
                f"  <version>{version}</version>\n"
                f"  <description>The released {package} {version}: baseline of bnd's baseline check</description>\n"
                "</project>\n")
            for written in (jar, target / f"{artifact}-{version}.pom"):
                # Maven checks a download against these (without them it warns at every build).
                digest = hashlib.sha1(written.read_bytes()).hexdigest()
                written.with_name(written.name + ".sha1").write_text(digest + "\n")
            print(f"{artifact} {version}: released {len(classes)} classes of {package} into {jar.relative_to(ROOT)}")
    pom = ROOT / "bundles" / module / "pom.xml"
    text = pom.read_text()
    updated = re.sub(r"<api\.baseline>[^<]*</api\.baseline>", f"<api.baseline>{version}</api.baseline>", text)
    if "<api.baseline>" not in text:
        sys.exit(f"{pom.relative_to(ROOT)} has no <api.baseline> property to point at {version}")
    if updated != text:
        pom.write_text(updated)
        print(f"{pom.relative_to(ROOT)}: api.baseline = {version}")


if __name__ == "__main__":
    for name in MODULES:
        release(name)
