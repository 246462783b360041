"""What every part of the pipeline shares: the output records (`records`), the working `Doc`
(`doc`), the exceptions (`errors`), and the helpers the stages share: Vietnamese numbers, dates,
letter classes, citations of documents, two-syllable words (`lexicon`), underthesea and spaCy
(`nlp`), page titles that name no article.

Nothing here imports a stage, a reader or the batch.
"""
