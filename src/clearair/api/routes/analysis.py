"""Analyse a text without keeping it."""

from fastapi import APIRouter, Request

from clearair.api.schemas import REFUSALS, AnalyzeIn
from clearair.models import Report

router = APIRouter(prefix="/api", tags=["analysis"], responses=REFUSALS)


@router.post("/analyze", response_model=Report)
def api_analyze(request: Request, body: AnalyzeIn):
    from clearair.llm.engine import analyze_choice

    return analyze_choice(body.text, request.app.state.llm, body.engine, body.about)
