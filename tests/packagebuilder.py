"""Submission packages built in memory for tests: valid ones, and each way they go wrong."""

from __future__ import annotations

import io
import json
import struct
import zlib

from ruletester import swagger

CONTENT_TYPES = '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
SOLUTION_XML = '<?xml version="1.0" encoding="utf-8"?><ImportExportXml><SolutionManifest><UniqueName>Contoso</UniqueName></SolutionManifest></ImportExportXml>'
CONNECTOR_XML = ("<Connectors><Connector><Name>contoso_5Ftasks</Name>"
                 "<OpenApiDefinition>/Connector/contoso_5Ftasks_openapidefinition.json</OpenApiDefinition>"
                 "</Connector></Connectors>")
WORKFLOW_XML = ('<Workflows><Workflow WorkflowId="{{0b1f}}" Name="Get a task">'
                "<JsonFileName>/Workflows/Getatask-0B1F.json</JsonFileName></Workflow></Workflows>")


def zip_bytes(entries: dict, compression: int = 8) -> bytes:  # 8: ZIP_DEFLATED
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data.encode() if isinstance(data, str) else data)
    return buffer.getvalue()


def png(size: int = 100, rgb=(0x0B, 0x6C, 0xBD)) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    raw = b"".join(b"\x00" + bytes(rgb) * size for _ in range(size))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def customizations(*parts: str) -> str:
    return f'<?xml version="1.0" encoding="utf-8"?><ImportExportXml>{"".join(parts)}</ImportExportXml>'


def connector_files(sw=None) -> dict:
    return {"Connector/contoso_5Ftasks_openapidefinition.json": json.dumps(sw or swagger(), indent=2),
            "Connector/contoso_5Ftasks_iconblob.Png": png()}


def connector_solution(sw=None, **extra) -> bytes:
    return zip_bytes({"[Content_Types].xml": CONTENT_TYPES, "solution.xml": SOLUTION_XML,
                      "customizations.xml": customizations(CONNECTOR_XML), **connector_files(sw), **extra})


def flow_solution(**extra) -> bytes:
    return zip_bytes({"[Content_Types].xml": CONTENT_TYPES, "solution.xml": SOLUTION_XML,
                      "customizations.xml": customizations(WORKFLOW_XML, CONNECTOR_XML), **connector_files(),
                      "Workflows/Getatask-0B1F.json": "{}", **extra})


def package_zip(solutions: dict | None = None, folder: str = "PkgAssets") -> bytes:
    solutions = solutions if solutions is not None else {
        "ConnectorSolution.zip": connector_solution(), "FlowSolution.zip": flow_solution()}
    return zip_bytes({"Contoso.dll": b"MZ", **{f"{folder}/{name}": data for name, data in solutions.items()}})


def submission(inner: bytes | None = None, intro: str | None = "# Contoso Tasks\n", prefix: str = "") -> bytes:
    entries = {}
    if intro is not None:
        entries[f"{prefix}intro.md"] = intro
    entries[f"{prefix}ContosoTasks.zip"] = inner if inner is not None else package_zip()
    return zip_bytes(entries)
