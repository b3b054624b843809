"""The OpenAPI document: public, valid, and describing exactly the rules the app serves."""
from aledraft.api.openapi import PREFIX, openapi_path


def _api_rules(app) -> set[tuple[str, str]]:
    return {
        (openapi_path(rule.rule), method.lower())
        for rule in app.url_map.iter_rules() if rule.rule.startswith(PREFIX + "/")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }


def _documented(document) -> set[tuple[str, str]]:
    return {(path, method) for path, item in document["paths"].items() for method in item}


def test_document_is_public(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.get_json()["openapi"].startswith("3.")


def test_document_and_url_map_describe_the_same_operations(app, client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert _documented(document) == _api_rules(app)


def test_every_reference_resolves_and_every_operation_names_its_errors(client):
    document = client.get("/api/v1/openapi.json").get_json()
    schemas = document["components"]["schemas"]

    def refs(node):
        if isinstance(node, dict):
            if "$ref" in node:
                yield node["$ref"]
            for value in node.values():
                yield from refs(value)
        elif isinstance(node, list):
            for value in node:
                yield from refs(value)

    missing = {r for r in refs(document) if r.removeprefix("#/components/schemas/") not in schemas}
    assert missing == set()
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if operation.get("security") == []:
                continue
            assert {"401", "403"} <= set(operation["responses"]), (method, path)
            if "requestBody" in operation:
                assert {"400", "413", "415"} <= set(operation["responses"]), (method, path)


def test_components_describe_drafts_accounts_reports_and_errors(client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert {"Draft", "Account", "Report", "Finding", "Error"} <= set(document["components"]["schemas"])
    assert document["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
