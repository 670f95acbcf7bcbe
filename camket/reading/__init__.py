"""Reading the data folder: files to typed models that remember where every value was read.

The first stage of the pipeline. `folder` knows the layout and finds the folder; `files`,
`nodes`, `located` and `legacy` turn bytes into located values (UTF-8, legacy Vietnamese
encodings, YAML with positions, nothing ever constructed from a tag); `models` and `building`
type them with pydantic and map its errors back to YAML marks; `loader` assembles a `Project`,
with each year's seal as git holds it (`seal`, `anchor`). `cache` remembers validate's result
for an unchanged folder; `schema` turns the models into JSON Schema for editors;
`fix_encoding` converts legacy text in place. Nothing here checks rules or counts.
"""
