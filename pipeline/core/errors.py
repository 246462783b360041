"""The pipeline's exceptions: a reader or stage raises these with a message a user can act on."""


class PipelineError(Exception):
    """Base of every error the pipeline raises on purpose."""


class ReadError(PipelineError):
    """The file cannot be read at all (corrupt, encrypted, not what its extension says)."""


class UnsupportedFormat(PipelineError):
    """No reader for this file's extension."""


class TooLarge(PipelineError):
    """The file is over the configured size limit and was not read."""
