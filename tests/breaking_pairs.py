"""Old/new swagger pairs for the breaking-change rule tables.

`released()` is the base: a connector with shared definitions, `$ref` chains (a body whose
property is itself a `$ref`), array items, a shared parameter, dynamic values and a webhook
trigger with `x-ms-notification-content`. `changed(edit)` is a copy with `edit(doc)` applied.
Each table pairs `base_swagger=released()` with a changed copy.
"""

from __future__ import annotations

import copy
from typing import Callable

from ruletester import case, swagger


def released() -> dict:
    doc = swagger()
    doc["paths"]["/tasks"] = {
        "get": {
            "summary": "List tasks", "description": "Lists the tasks.", "operationId": "ListTasks",
            "parameters": [{"$ref": "#/parameters/status"},
                           {"name": "boardId", "in": "query", "required": False, "type": "string",
                            "x-ms-summary": "Board", "description": "The board.",
                            "x-ms-dynamic-values": {"operationId": "ListBoards", "value-path": "id",
                                                    "value-title": "name"}}],
            "responses": {"200": {"description": "The tasks.", "schema": {
                "type": "object", "properties": {"value": {"type": "array", "items": {"$ref": "#/definitions/Task"}}}}}},
        },
        "post": {
            "summary": "Create a task", "description": "Creates a task.", "operationId": "CreateTask",
            "parameters": [{"name": "body", "in": "body", "required": True,
                            "schema": {"$ref": "#/definitions/TaskInput"}}],
            "responses": {"201": {"description": "The task.", "schema": {"$ref": "#/definitions/Task"}},
                          "default": {"description": "An error.", "schema": {"type": "object", "properties": {
                              "error": {"type": "string"}}}}},
        },
    }
    doc["paths"]["/boards"] = {"get": {
        "summary": "List boards", "description": "Lists the boards.", "operationId": "ListBoards",
        "x-ms-visibility": "internal",
        "responses": {"200": {"description": "The boards.", "schema": {"type": "array", "items": {
            "type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}}}}}}
    doc["paths"]["/hooks"] = {"post": {
        "summary": "When a task is created", "description": "Triggers when a task is created.",
        "operationId": "OnTaskCreated", "x-ms-trigger": "single",
        "parameters": [{"name": "body", "in": "body", "required": True, "schema": {
            "type": "object", "required": ["url"], "properties": {"url": {"type": "string",
                                                                          "x-ms-notification-url": True,
                                                                          "x-ms-visibility": "internal"}}}}],
        "responses": {"201": {"description": "Created."}},
    }, "x-ms-notification-content": {"description": "The new task.", "schema": {"$ref": "#/definitions/Task"}}}
    doc["parameters"] = {"status": {"name": "status", "in": "query", "required": False, "type": "string",
                                    "enum": ["open", "done"], "x-ms-summary": "Status",
                                    "description": "Only tasks with this status."}}
    doc["definitions"]["Task"]["properties"]["due"] = {"type": "string", "format": "date-time",
                                                       "description": "When the task is due.", "x-ms-summary": "Due"}
    doc["definitions"]["Task"]["properties"]["labels"] = {"type": "array", "items": {"$ref": "#/definitions/Label"}}
    doc["definitions"]["Label"] = {"type": "object", "properties": {"text": {"type": "string"},
                                                                    "color": {"type": "string"}}}
    doc["definitions"]["TaskInput"] = {"type": "object", "required": ["name"], "properties": {
        "name": {"type": "string", "description": "The name.", "x-ms-summary": "Name"},
        "priority": {"type": "integer", "format": "int32", "enum": [1, 2, 3]},
        "owner": {"$ref": "#/definitions/Owner"},
    }}
    doc["definitions"]["Owner"] = {"type": "object", "properties": {"email": {"type": "string"},
                                                                    "team": {"type": "string"}}}
    return doc


def changed(edit: Callable[[dict], object]) -> dict:
    doc = copy.deepcopy(released())
    edit(doc)
    return doc


def pair(name: str, edit: Callable[[dict], object], **kwargs):
    """A table case comparing released() with released() changed by `edit`."""
    return case(name, swagger=changed(edit), base_swagger=released(), **kwargs)


def text_only(doc: dict) -> None:
    """Edits that change nothing a flow relies on: descriptions, summaries, display names."""
    doc["info"]["description"] = "Contoso Tasks keeps a team's work in one place, from plan to done."
    doc["paths"]["/tasks"]["get"]["summary"] = "List all tasks"
    doc["definitions"]["Task"]["properties"]["name"]["description"] = "The task's name."
    doc["parameters"]["status"]["x-ms-summary"] = "Task status"


def new_optional_parameter(doc: dict) -> None:
    doc["paths"]["/tasks"]["get"]["parameters"].append(
        {"name": "top", "in": "query", "required": False, "type": "integer", "x-ms-summary": "Top",
         "description": "How many tasks."})


def new_operation(doc: dict) -> None:
    doc["paths"]["/tasks/{taskId}"]["delete"] = {
        "summary": "Delete a task", "description": "Deletes a task.", "operationId": "DeleteTask",
        "parameters": [{"name": "taskId", "in": "path", "required": True, "type": "string"}],
        "responses": {"204": {"description": "Deleted."}}}


def base_path_into_paths(doc: dict) -> None:
    """The basePath written into every path instead: every operation calls the same address."""
    base = doc.pop("basePath")
    doc["paths"] = {base + path: item for path, item in doc["paths"].items()}


def silent_pairs() -> list:
    """Pairs no breaking-change rule reports (valid cases in every table)."""
    return [
        case("unchanged", swagger=released(), base_swagger=released()),
        pair("text-only edits", text_only),
        pair("a new optional parameter", new_optional_parameter),
        pair("a new operation", new_operation),
        case("no base: new connector", swagger=changed(lambda d: d["paths"].clear())),
    ]
