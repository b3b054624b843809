"""Account registry pages and the public list of accounts."""
import csv
import io

from flask import Blueprint, Response, jsonify, render_template

from aledraft.access import public
from aledraft.accounts.services import public_list as list_public_accounts
from aledraft.db import get_session

bp = Blueprint("accounts", __name__)

#: The website embeds the list; an hour's caching spares the database.
PUBLIC_CACHE = "public, max-age=3600"


@bp.route("/konton")
@public
def public_list():
    response = Response(render_template("accounts/public_list.html", accounts=list_public_accounts(get_session())))
    response.headers["Cache-Control"] = PUBLIC_CACHE
    return response


@bp.route("/konton.json")
@public
def public_list_json():
    response = jsonify([a.to_dict() for a in list_public_accounts(get_session())])
    response.headers["Cache-Control"] = PUBLIC_CACHE
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@bp.route("/konton.csv")
@public
def public_list_csv():
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Plattform", "Namn", "Länk", "Syfte", "Ansvarig enhet"])
    for a in list_public_accounts(get_session()):
        writer.writerow([a.platform_label, a.name, a.link, a.purpose, a.unit])
    # The BOM makes Swedish Excel read the file as UTF-8.
    response = Response("\ufeff" + buffer.getvalue(), mimetype="text/csv; charset=utf-8")
    response.headers["Content-Disposition"] = 'attachment; filename="ale-kommun-sociala-medier.csv"'
    response.headers["Cache-Control"] = PUBLIC_CACHE
    return response
