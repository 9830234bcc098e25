"""Interview kits: a balanced set of questions for a level and a time budget (build), rendered as an
interviewer guide with a scorecard in Markdown, HTML or a printable PDF (render).

May import: the bank core, Markdown and WeasyPrint; never Django or the web apps.
"""

from mlinterview.kits.build import Kit, build_kit
from mlinterview.kits.render import KIT_CSS, RECOMMENDATIONS, to_html, to_markdown, to_pdf

__all__ = ["KIT_CSS", "RECOMMENDATIONS", "Kit", "build_kit", "to_html", "to_markdown", "to_pdf"]
