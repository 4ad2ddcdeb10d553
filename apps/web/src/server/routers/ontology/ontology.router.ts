import { createTRPCRouter } from '../../trpc/init';
import { defineObjectType } from './define-object-type';
import { listObjectTypes } from './list-object-types';
import { searchObjectTypes } from './search-object-types';
import { watchObjectTypes } from './watch-object-types';

export const ontologyRouter = createTRPCRouter({ listObjectTypes, searchObjectTypes, defineObjectType, watchObjectTypes });
