import Handlebars from 'handlebars';

/** The documents there are templates for (templates/<name>.hbs). */
export const documentNames = ['scorecard', 'rankings', 'book', 'review-sheet', 'feedback-letter', 'publicity', 'rubric'] as const;
export type DocumentName = (typeof documentNames)[number];

/** What the entry reads from templates/: the document templates, the partials and the print CSS. */
export type TemplateSources = {
  documents: Record<DocumentName, string>;
  partials: Record<string, string>;
  css: string;
};

export type DocumentTemplates = {
  /** The body HTML of a document from its view model; a field the template names but the model lacks throws. */
  render(name: DocumentName, model: unknown): string;
  css: string;
};

/**
 * Compiles every template once, on its own Handlebars instance (helpers and partials registered once),
 * in strict mode so a missing field fails loudly instead of printing an empty cell; `{{ }}` escapes.
 */
export function compileTemplates(sources: TemplateSources): DocumentTemplates {
  const hb = Handlebars.create();
  for (const [name, source] of Object.entries(sources.partials)) {
    hb.registerPartial(name, hb.compile(source, { strict: true }));
  }
  const compiled = new Map(
    documentNames.map((name) => {
      const source = sources.documents[name];
      if (source === undefined) throw new Error(`templates/${name}.hbs is missing`);
      return [name, hb.compile(source, { strict: true, noEscape: false })] as const;
    }),
  );
  return {
    css: sources.css,
    render(name, model) {
      try {
        return compiled.get(name)!(model);
      } catch (e) {
        throw new Error(`templates/${name}.hbs: ${(e as Error).message}`);
      }
    },
  };
}
