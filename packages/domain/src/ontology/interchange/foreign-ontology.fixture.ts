/**
 * A small library ontology as another tool would write it (FOAF/schema.org style): RDFS and OWL only, no sh:
 * terms; compacted JSON-LD with its own inline @context, language maps, an owl:unionOf domain, a property with
 * no domain, inverse pairs and functional properties.
 */
export const LIBRARY_JSONLD = JSON.stringify(
  {
    '@context': {
      rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
      owl: 'http://www.w3.org/2002/07/owl#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
      lib: 'http://example.org/library#',
      label: { '@id': 'rdfs:label', '@container': '@language' },
      comment: 'rdfs:comment',
      domain: { '@id': 'rdfs:domain', '@type': '@id' },
      range: { '@id': 'rdfs:range', '@type': '@id' },
      inverseOf: { '@id': 'owl:inverseOf', '@type': '@id' },
      subClassOf: { '@id': 'rdfs:subClassOf', '@type': '@id' },
    },
    '@graph': [
      { '@id': 'http://example.org/library', '@type': 'owl:Ontology', label: { en: 'Library' }, comment: 'Books, who wrote them and where they are kept' },
      { '@id': 'lib:Book', '@type': 'owl:Class', label: { en: 'Book', ko: '책' }, comment: { '@value': 'A published work', '@language': 'en' } },
      { '@id': 'lib:Person', '@type': 'owl:Class', label: { en: 'Person', ko: '사람' } },
      { '@id': 'lib:Library', '@type': 'rdfs:Class', label: { en: 'Library' } },
      { '@id': 'lib:PublishingHouse', '@type': 'owl:Class', subClassOf: 'owl:Thing' },
      { '@id': 'lib:title', '@type': 'owl:DatatypeProperty', label: { en: 'Title', ko: '제목' }, domain: 'lib:Book', range: 'xsd:string' },
      { '@id': 'lib:isbn', '@type': ['owl:DatatypeProperty', 'owl:FunctionalProperty'], label: { en: 'ISBN' }, domain: 'lib:Book', range: 'xsd:string' },
      { '@id': 'lib:pageCount', '@type': 'owl:DatatypeProperty', domain: 'lib:Book', range: 'xsd:nonNegativeInteger' },
      { '@id': 'lib:price', '@type': 'owl:DatatypeProperty', domain: 'lib:Book', range: 'xsd:decimal' },
      { '@id': 'lib:published', '@type': 'owl:DatatypeProperty', domain: 'lib:Book', range: 'xsd:date' },
      { '@id': 'lib:in_print', '@type': 'owl:DatatypeProperty', domain: 'lib:Book', range: 'xsd:boolean' },
      { '@id': 'lib:rating', '@type': 'owl:DatatypeProperty', domain: 'lib:Book', range: 'xsd:float' },
      { '@id': 'lib:name', '@type': 'owl:DatatypeProperty', domain: { 'owl:unionOf': { '@list': [{ '@id': 'lib:Person' }, { '@id': 'lib:Library' }] } }, range: 'xsd:string' },
      { '@id': 'lib:birthDate', '@type': 'owl:DatatypeProperty', domain: 'lib:Person', range: 'xsd:date' },
      { '@id': 'lib:homepage', '@type': 'owl:DatatypeProperty', domain: 'lib:Person', range: 'xsd:anyURI' },
      { '@id': 'lib:lastModified', '@type': 'owl:DatatypeProperty', label: { en: 'Last modified' }, range: 'xsd:dateTime' },
      { '@id': 'lib:author', '@type': 'owl:ObjectProperty', label: { en: 'Author', ko: '저자' }, domain: 'lib:Book', range: 'lib:Person' },
      { '@id': 'lib:wrote', '@type': 'owl:ObjectProperty', label: { en: 'Wrote', ko: '저서' }, inverseOf: 'lib:author' },
      { '@id': 'lib:heldBy', '@type': ['owl:ObjectProperty', 'owl:FunctionalProperty'], label: { en: 'Held by' }, domain: 'lib:Book', range: 'lib:Library' },
      { '@id': 'lib:publisher', '@type': ['owl:ObjectProperty', 'owl:FunctionalProperty'], domain: 'lib:Book', range: 'lib:PublishingHouse' },
      { '@id': 'lib:publishes', '@type': 'owl:ObjectProperty', inverseOf: 'lib:publisher' },
      { '@id': 'lib:spouse', '@type': ['owl:ObjectProperty', 'owl:FunctionalProperty', 'owl:InverseFunctionalProperty'], domain: 'lib:Person', range: 'lib:Person' },
    ],
  },
  null,
  2,
);

/** Part of the same ontology in Turtle, as Protégé would save it. */
export const LIBRARY_TURTLE = `@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix lib: <http://example.org/library#> .

<http://example.org/library> rdf:type owl:Ontology ; rdfs:label "Library"@en .

lib:Book rdf:type owl:Class ; rdfs:label "Book"@en , "책"@ko ; rdfs:comment "A published work"@en .
lib:Person rdf:type owl:Class ; rdfs:label "Person"@en , "사람"@ko .

lib:title rdf:type owl:DatatypeProperty ; rdfs:label "Title"@en , "제목"@ko ;
  rdfs:domain lib:Book ; rdfs:range xsd:string .
lib:pageCount rdf:type owl:DatatypeProperty ; rdfs:domain lib:Book ; rdfs:range xsd:nonNegativeInteger .
lib:author rdf:type owl:ObjectProperty ; rdfs:label "Author"@en , "저자"@ko ; rdfs:domain lib:Book ; rdfs:range lib:Person .
lib:wrote rdf:type owl:ObjectProperty ; rdfs:label "Wrote"@en , "저서"@ko ; owl:inverseOf lib:author .
`;
