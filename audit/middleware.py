from . import reads
from .context import current_request


class AuditMiddleware:
    """Makes the request known to audit receivers, and writes the sensitive reads that the
    response noted, in one INSERT, once the response is rendered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_request.set(request)
        try:
            response = self.get_response(request)
            reads.flush(request)
        finally:
            current_request.reset(token)
        return response
