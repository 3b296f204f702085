import Handlebars from 'handlebars';

/** A template as Handlebars.precompile gives it (the global type of handlebars' own declarations). */
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

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
  return templatesOf(sources, (hb, source) => hb.compile(source, { strict: true, noEscape: false }));
}

/** The templates as `Handlebars.precompile` made them at build time (scripts/build-worker.mjs): a Worker may not compile. */
export type PrecompiledTemplates = { documents: Record<DocumentName, TemplateSpecification>; partials: Record<string, TemplateSpecification>; css: string };

/** The same documents from precompiled templates: nothing is compiled at run time. */
export function precompiledTemplates(specs: PrecompiledTemplates): DocumentTemplates {
  return templatesOf(specs, (hb, spec) => hb.template(spec));
}

function templatesOf<T>(sources: { documents: Record<DocumentName, T>; partials: Record<string, T>; css: string }, make: (hb: typeof Handlebars, source: T) => Handlebars.TemplateDelegate): DocumentTemplates {
  const hb = Handlebars.create();
  for (const [name, source] of Object.entries(sources.partials)) hb.registerPartial(name, make(hb, source));
  const compiled = new Map(
    documentNames.map((name) => {
      const source = sources.documents[name];
      if (source === undefined) throw new Error(`templates/${name}.hbs is missing`);
      return [name, make(hb, source)] as const;
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
